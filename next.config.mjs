import { MAX_REQUEST_BODY_BYTES, STATIC_SECURITY_HEADERS } from "./lib/security/static-headers.mjs";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // libsql ships a native binding: keep it out of the server bundle.
  serverExternalPackages: ["@libsql/client", "libsql", "pg"],
  poweredByHeader: false,
  // Several instances behind one load balancer: builds made apart with the same NEXT_DEPLOYMENT_ID (and the same
  // NEXT_SERVER_ACTIONS_ENCRYPTION_KEY) name their files and actions alike. Unset: Next's own per-build ids.
  ...(process.env.NEXT_DEPLOYMENT_ID
    ? {
        deploymentId: process.env.NEXT_DEPLOYMENT_ID,
        generateBuildId: async () => process.env.NEXT_DEPLOYMENT_ID,
      }
    : {}),
  experimental: {
    serverActions: { bodySizeLimit: MAX_REQUEST_BODY_BYTES },
  },
  async headers() {
    // Static files skip proxy.ts; they still get the headers that need no per-request nonce.
    return [
      {
        source: "/:path*",
        headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })),
      },
    ];
  },
};

export default nextConfig;
