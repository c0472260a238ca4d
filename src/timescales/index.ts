export * from './looked-after-reviews';
export * from './child-protection-conferences';
export * from './issues-resolution-stages';
