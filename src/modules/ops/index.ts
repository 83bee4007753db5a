/** Operations: health check and metrics. */
export { beoordeelGezondheid, type Gezondheid, isLoopback, opsRoutes } from './ops.routes.ts';
