import { z } from 'zod';
import { roles, type Role as RoleName } from './roles.ts';

export const Role = z.enum(roles);
export type Role = RoleName;
