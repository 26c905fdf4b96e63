/** Security headers on every page the Worker serves. */
import { secureHeaders } from "hono/secure-headers";
import { THEME_CHOICE_SCRIPT_HASH } from "./pages.ts";

export const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    // Besides the client's own files, only the app shell's inline theme-choice script (edge/pages.ts).
    scriptSrc: ["'self'", THEME_CHOICE_SCRIPT_HASH],
    // Element styles (column widths, colours) are set inline by the client.
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", "data:", "https:"],
    // [[theme.fontFaces]] may load fonts from the app's static files or from a font host.
    fontSrc: ["'self'", "data:", "https:"],
    connectSrc: ["'self'"],
    // Custom components: their frames on this origin (sandboxed, edge/components.ts), and the pages
    // components.iframe embeds or a component's dev server.
    frameSrc: ["'self'", "https:", "http:"],
    frameAncestors: ["'none'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
  },
  strictTransportSecurity: "max-age=31536000; includeSubDomains",
  referrerPolicy: "strict-origin-when-cross-origin",
  xFrameOptions: "DENY",
});
