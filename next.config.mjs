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
    // A compose form is a few kB; proxy.ts refuses larger bodies by their length, this catches chunked ones.
    serverActions: { bodySizeLimit: "100kb" },
  },
  async headers() {
    // Static files skip proxy.ts; they still get the headers that need no per-request nonce.
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
