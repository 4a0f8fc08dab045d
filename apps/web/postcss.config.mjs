// Tailwind, as Cal.com serves it (v4 through PostCSS): the app's components style themselves with utilities.
export default { plugins: { "@tailwindcss/postcss": {} } };
