import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** OpenAPI for every route, generated from the zod schemas: UI at /api/docs, JSON at /api/docs/json. */
declare module 'fastify' {
  interface FastifyInstance {
    /** "METHOD /path" of every route, as fastify registered it (tests compare it with the docs). */
    routeTable: string[];
  }
}

export default fp(
  async (app) => {
    const routeTable: string[] = [];
    app.decorate('routeTable', routeTable);
    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) routeTable.push(`${method} ${route.url}`);
    });
    await app.register(swagger, {
      openapi: {
        info: {
          title: 'Plenum API',
          version: '0.1.0',
          description: 'Digital conferences with live working groups',
        },
        components: {
          securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'plenum_session' } },
        },
      },
      transform: jsonSchemaTransform,
    });
    await app.register(swaggerUi, { routePrefix: '/api/docs' });
  },
  { name: 'docs' },
);
