// Runs one status change (or other call) for a detail screen: busy flag, translated error,
// and the fresh record handed back.
import { useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../components/errors';

export function useAction() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async <T>(name: string, action: () => Promise<T>, then: (result: T) => void) => {
    setBusy(name);
    try {
      then(await action());
    } catch (e) {
      message.error({ content: errorText(t, e), duration: 8 });
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}
