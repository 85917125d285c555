/** @type {import('next').NextConfig} */
const nextConfig = {
  // libsql ships a native binding: keep it out of the server bundle.
  serverExternalPackages: ["@libsql/client", "libsql"],
  poweredByHeader: false,
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
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
