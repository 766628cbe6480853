// Starts Swagger UI on this server's own OpenAPI document. A file rather than an inline script: the page's
// Content-Security-Policy runs scripts from this origin only.
"use strict";
window.addEventListener("DOMContentLoaded", function () {
  window.ui = SwaggerUIBundle({
    // Relative: resolved against the page, so behind a proxy prefix it is that prefix's document. Try-it-out calls
    // go to the document's `servers`, which Swagger UI resolves against the document's URL: this server.
    url: "openapi.json",
    dom_id: "#swagger-ui",
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    deepLinking: true,
    displayRequestDuration: true,
    // The default validator is a badge image from another host: the CSP forbids it, and the page needs no network
    // beyond this server.
    validatorUrl: null,
  });
});
