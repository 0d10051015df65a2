// Sign-in form; the check page stays usable without an account (anonymous checks store nothing).
import { useState } from 'preact/hooks';
import { api } from '../api';
import { ErrorBox, Page } from '../components/ui';
import { useI18n } from '../i18n';
import { href, navigate } from '../router';
import { useSession } from '../session';
import type { Session } from '../types';

export function LoginPage() {
  const { t } = useI18n();
  const { setSession } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [organization, setOrganization] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const org = organization.trim().toLowerCase();
      const s = await api.post<Session>('/api/v1/auth/login', { username: username.trim(), password, ...(org ? { organization: org } : {}) });
      setSession(s);
      if (location.hash === '' || location.hash === '#/masuk') navigate('/');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page title={t('auth.title')}>
      <div class="login-grid">
        <form class="card login" onSubmit={submit}>
          <label>
            {t('auth.username')}
            <input name="username" autocomplete="username" required value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
          </label>
          <label>
            {t('auth.password')}
            <input
              name="password"
              type="password"
              autocomplete="current-password"
              required
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          </label>
          <label>
            {t('auth.organization')}
            <input name="organization" autocomplete="organization" value={organization} onInput={(e) => setOrganization(e.currentTarget.value)} />
          </label>
          <ErrorBox error={error} />
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t('common.loading') : t('auth.submit')}
          </button>
        </form>
        <div class="card about">
          <h2>{t('auth.aboutTitle')}</h2>
          <p>{t('auth.about')}</p>
          <p>
            <a href={href('/cek')}>{t('auth.tryAnonymous')}</a>
          </p>
        </div>
      </div>
    </Page>
  );
}
