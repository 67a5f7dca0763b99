// Words of the console's veterans screens, both languages side by side.
export default {
  zh: {
  },
  en: {
  },
};
