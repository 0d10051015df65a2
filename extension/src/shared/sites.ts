/**
 * The sites the extension works on: one entry per site with the host names it
 * answers to and the core's platform id. The manifest's `matches` and
 * `host_permissions` list the same hosts (a test keeps them in step).
 */
import type { Platform } from '../../../src/core/index.js';

export interface Site {
  id: string;
  label: string;
  platform: Platform;
  /** Registrable domains; subdomains match too, unless `exact`. */
  hosts: string[];
  exact?: boolean;
}

export const SITES: Site[] = [
  { id: 'x', label: 'X (Twitter)', platform: 'x', hosts: ['x.com', 'twitter.com'] },
  { id: 'facebook', label: 'Facebook', platform: 'facebook', hosts: ['facebook.com'] },
  { id: 'instagram', label: 'Instagram', platform: 'instagram', hosts: ['instagram.com'] },
  { id: 'linkedin', label: 'LinkedIn', platform: 'linkedin', hosts: ['linkedin.com'] },
  { id: 'threads', label: 'Threads', platform: 'threads', hosts: ['threads.net', 'threads.com'] },
  { id: 'whatsapp', label: 'WhatsApp Web', platform: 'whatsapp', hosts: ['web.whatsapp.com'], exact: true },
];

/** The site of a host name, or undefined when the extension does not work there. */
export function siteOf(hostname: string): Site | undefined {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  return SITES.find((s) => s.hosts.some((d) => h === d || (!s.exact && h.endsWith(`.${d}`))));
}

/** Match patterns of every site (manifest `matches` and `host_permissions`). */
export function sitePatterns(): string[] {
  return SITES.flatMap((s) => s.hosts.map((d) => (s.exact ? `https://${d}/*` : `https://*.${d}/*`)));
}
