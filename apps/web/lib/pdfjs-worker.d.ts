// The worker module of pdf.js, imported for its side effect: it registers
// `globalThis.pdfjsWorker`, which lets pdf.js parse on the page's own thread.
declare module 'pdfjs-dist/build/pdf.worker.min.mjs';
