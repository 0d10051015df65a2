// The shell: session and locale state, the header with navigation and the language switch, and the route table.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { api, onUnauthenticated, setCsrfToken } from './api';
import { I18nProvider, useI18n } from './i18n';
import { AccountsPage } from './pages/Accounts';
import { AdminOrganizations } from './pages/AdminOrganizations';
import { AdminUnits } from './pages/AdminUnits';
import { AdminUsers } from './pages/AdminUsers';
import { AuditLogPage } from './pages/AuditLog';
import { AuditReportPage, AuditsPage } from './pages/Audits';
import { CheckPage } from './pages/Check';
import { DashboardPage } from './pages/Dashboard';
import { EmployeePage } from './pages/Employee';
import { FactCheckPage } from './pages/FactCheck';
import { FeedPage } from './pages/Feed';
import { FeedbackPage } from './pages/Feedback';
import { HomePage } from './pages/Home';
import { LibraryEditPage, LibraryPage } from './pages/Library';
import { LibraryStatsPage } from './pages/LibraryStats';
import { LoginPage } from './pages/Login';
import { PolicyPage } from './pages/Policy';
import { PrivacyPage } from './pages/Privacy';
import { SummarizePage } from './pages/Summarize';
import { href, match, navigate, useRoute } from './router';
import { SessionContext, useSession } from './session';
import type { Locale, Role, Session, User } from './types';

const LOCALE_KEY = 'bijak.locale';

function initialLocale(): Locale {
  try {
    return localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

export function App() {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);

  const setLocale = useCallback((l: Locale) => {
    setLocaleState(l);
    try {
      localStorage.setItem(LOCALE_KEY, l);
    } catch {
      /* private mode: keep it in memory */
    }
  }, []);

  const setSession = useCallback((s: Session | null) => {
    setCsrfToken(s?.csrfToken ?? '');
    setUser(s?.user ?? null);
  }, []);

  useEffect(() => {
    api
      .get<Session>('/api/v1/auth/me', { quiet401: true })
      .then(setSession)
      .catch(() => setSession(null))
      .finally(() => setLoading(false));
    return onUnauthenticated(() => setSession(null));
  }, [setSession]);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/v1/auth/logout');
    } catch {
      /* the session is gone either way */
    }
    setSession(null);
    navigate('/');
  }, [setSession]);

  const session = useMemo(() => ({ user, setSession, logout }), [user, setSession, logout]);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  return (
    <I18nProvider locale={locale} setLocale={setLocale}>
      <SessionContext.Provider value={session}>{loading ? <Splash /> : <Shell />}</SessionContext.Provider>
    </I18nProvider>
  );
}

function Splash() {
  const { t } = useI18n();
  return (
    <main class="splash" aria-busy="true">
      <p>{t('common.loading')}</p>
    </main>
  );
}

interface NavItem {
  path: string;
  label: Parameters<ReturnType<typeof useI18n>['t']>[0];
  roles?: Role[];
  /** Only for super-admins (organisations). */
  superAdmin?: boolean;
}

const NAV: NavItem[] = [
  { path: '/', label: 'nav.home' },
  { path: '/cek', label: 'nav.check' },
  { path: '/akun', label: 'nav.accounts' },
  { path: '/jejak', label: 'nav.audits' },
  { path: '/cek-fakta', label: 'nav.factCheck' },
  { path: '/privasi', label: 'nav.privacy' },
  { path: '/dasbor', label: 'nav.dashboard', roles: ['atasan', 'admin'] },
  { path: '/admin/pengguna', label: 'nav.users', roles: ['admin'] },
  { path: '/admin/unit', label: 'nav.units', roles: ['admin'] },
  { path: '/kebijakan', label: 'nav.policy', roles: ['admin', 'humas'] },
  { path: '/admin/log', label: 'nav.auditLog', roles: ['admin'] },
  { path: '/admin/organisasi', label: 'nav.organizations', superAdmin: true },
  { path: '/konten', label: 'nav.feed' },
  { path: '/ringkas', label: 'nav.summarize' },
  { path: '/pustaka', label: 'nav.library', roles: ['humas', 'admin'] },
  { path: '/statistik-konten', label: 'nav.libraryStats' },
  { path: '/umpan-balik', label: 'nav.feedback', roles: ['admin', 'humas'] },
];

function isActive(item: string, path: string): boolean {
  return item === '/' ? path === '/' : path === item || path.startsWith(`${item}/`);
}

function Shell() {
  const { user, logout } = useSession();
  const { t, locale, setLocale } = useI18n();
  const route = useRoute();
  const [menuOpen, setMenuOpen] = useState(false);

  useEffect(() => {
    setMenuOpen(false);
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [route.path]);

  const items = NAV.filter((n) => (!n.roles || (user && n.roles.includes(user.role))) && (!n.superAdmin || user?.superAdmin));

  return (
    <>
      <button type="button" class="skip" onClick={() => document.getElementById('main')?.focus()}>
        {t('common.skip')}
      </button>
      <header class="top">
        <div class="top-inner">
          <a class="brand" href={href('/')}>
            <span class="brand-mark" aria-hidden="true">
              B
            </span>
            <span>
              <strong>Bijak</strong> <span class="brand-sub">Bermedsos</span>
            </span>
          </a>
          {user && (
            <button type="button" class="menu-toggle" aria-expanded={menuOpen} aria-controls="mainnav" onClick={() => setMenuOpen(!menuOpen)}>
              {t('common.menu')}
            </button>
          )}
          <div class="top-right">
            <fieldset class="lang" aria-label={t('common.language')}>
              <button type="button" aria-pressed={locale === 'id'} onClick={() => setLocale('id')} lang="id">
                ID
              </button>
              <button type="button" aria-pressed={locale === 'en'} onClick={() => setLocale('en')} lang="en" data-testid="lang-en">
                EN
              </button>
            </fieldset>
            {user && (
              <>
                <span class="who" title={user.unitName}>
                  {user.name} · <span class="role">{t(`role.${user.role}`)}</span>
                </span>
                <button type="button" class="link" onClick={logout}>
                  {t('auth.logout')}
                </button>
              </>
            )}
          </div>
        </div>
        {user && (
          <nav id="mainnav" class={menuOpen ? 'mainnav open' : 'mainnav'} aria-label={t('nav.label')}>
            <ul>
              {items.map((n) => (
                <li key={n.path}>
                  <a href={href(n.path)} aria-current={isActive(n.path, route.path) ? 'page' : undefined}>
                    {t(n.label)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        <Routes />
      </main>
      <footer class="foot">
        <p>{t('footer.text')}</p>
      </footer>
    </>
  );
}

function Routes() {
  const { user } = useSession();
  const { path } = useRoute();
  if (!user) {
    if (path === '/cek') return <CheckPage />;
    return <LoginPage />;
  }
  const allowed = (roles: Role[]) => roles.includes(user.role);
  let params: Record<string, string> | null;
  if (path === '/' || path === '/masuk') return <HomePage />;
  if (path === '/cek') return <CheckPage />;
  if (path === '/akun') return <AccountsPage />;
  if (path === '/cek-fakta') return <FactCheckPage />;
  if (path === '/privasi') return <PrivacyPage />;
  if (path === '/jejak') return <AuditsPage />;
  if ((params = match('/jejak/:id', path))) return <AuditReportPage id={params.id} />;
  if (path === '/dasbor' && allowed(['atasan', 'admin'])) return <DashboardPage unitId={user.unitId} />;
  if ((params = match('/dasbor/:unitId', path)) && allowed(['atasan', 'admin'])) return <DashboardPage unitId={params.unitId} />;
  if ((params = match('/pegawai/:id', path)) && allowed(['atasan', 'admin'])) return <EmployeePage id={params.id} />;
  if (path === '/admin/pengguna' && allowed(['admin'])) return <AdminUsers />;
  if (path === '/admin/unit' && allowed(['admin'])) return <AdminUnits />;
  if (path === '/kebijakan' && allowed(['admin', 'humas'])) return <PolicyPage />;
  if (path === '/admin/log' && allowed(['admin'])) return <AuditLogPage />;
  if (path === '/admin/organisasi' && user.superAdmin) return <AdminOrganizations />;
  if (path === '/konten') return <FeedPage />;
  if (path === '/ringkas') return <SummarizePage />;
  if (path === '/statistik-konten') return <LibraryStatsPage />;
  if (path === '/pustaka' && allowed(['humas', 'admin'])) return <LibraryPage />;
  if (path === '/pustaka/baru' && allowed(['humas', 'admin'])) return <LibraryEditPage id={null} />;
  if ((params = match('/pustaka/:id', path)) && allowed(['humas', 'admin'])) return <LibraryEditPage id={params.id} />;
  if (path === '/umpan-balik' && allowed(['admin', 'humas'])) return <FeedbackPage />;
  return <NotFound />;
}

function NotFound() {
  const { t } = useI18n();
  return (
    <section class="page">
      <h1>{t('notFound.title')}</h1>
      <p>
        <a href={href('/')}>{t('notFound.back')}</a>
      </p>
    </section>
  );
}
