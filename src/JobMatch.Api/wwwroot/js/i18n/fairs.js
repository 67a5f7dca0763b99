// Words of the console's fairs screens, both languages side by side.
export default {
  zh: {
  },
  en: {
  },
};
