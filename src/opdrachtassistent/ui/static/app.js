() => {
  /* Page language for screen readers (WCAG 3.1.1), set as soon as the page runs. */
  document.documentElement.lang = 'nl';
}
