// Words of the console's mentoring screens, both languages side by side.
export default {
  zh: {
  },
  en: {
  },
};
