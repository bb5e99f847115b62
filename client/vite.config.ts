import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The Plenum server's port, as the server reads it (`npm run dev` passes it down).
const backend = `http://127.0.0.1:${process.env.PORT || 3000}`;

export default defineConfig({
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
});
