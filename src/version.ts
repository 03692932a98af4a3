/** The version of this build (set by the bundler from package.json; "development" from source). */
declare const __VERSION__: string | undefined;
export const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'development';
