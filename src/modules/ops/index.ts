/** Operations: health check and metrics. */
export { isLoopback, opsRoutes } from './ops.routes.ts';
