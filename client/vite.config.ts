import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The Plenum server's port, as the server reads it (`npm run dev` passes it down).
const backend = `http://127.0.0.1:${process.env.PORT || 3000}`;

export default defineConfig(({ command }) => {
  // A build is what ships, whatever NODE_ENV its caller has: under vitest (NODE_ENV=test) Vite
  // took the caller's value and bundled React's development build, with StrictMode's double
  // effects, so that the e2e tests and benches ran a client asking the server for everything twice.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    plugins: [react()],
    build: { outDir: 'dist', emptyOutDir: true },
    server: {
      port: 5173,
      strictPort: true,
      proxy: {
        '/api': { target: backend },
        '/socket.io': { target: backend, ws: true },
      },
    },
  };
});
