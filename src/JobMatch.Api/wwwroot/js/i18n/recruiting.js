// Words of the console's recruiting screens, both languages side by side.
export default {
  zh: {
  },
  en: {
  },
};
