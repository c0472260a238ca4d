export * from './disclosure-control';
export * from './figure-labels';
export * from './csv-renderer';
export * from './markdown-renderer';
export * from './html-renderer';
export * from './report-charts';
export * from './render-report';
export * from './report-facts-source';
