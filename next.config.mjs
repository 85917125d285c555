/** @type {import('next').NextConfig} */
const nextConfig = {
  // libsql ships a native binding: keep it out of the server bundle.
  serverExternalPackages: ["@libsql/client", "libsql"],
  poweredByHeader: false,
};

export default nextConfig;
