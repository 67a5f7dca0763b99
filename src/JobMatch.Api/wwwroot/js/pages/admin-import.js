export { default } from './recruiter-import.js';
