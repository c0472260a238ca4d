export * from './calendar-date';
export * from './calendar-months';
export * from './bank-holidays';
export * from './working-days';
export * from './iso-instant';
