const MOMENT = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/Amsterdam',
});

/** A moment in Dutch, Dutch time: "27 nov 2026, 09:15". */
export const formatMoment = (d: Date): string => MOMENT.format(d);
