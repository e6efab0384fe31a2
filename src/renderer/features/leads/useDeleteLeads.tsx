// Deleting leads goes to the Trash at once, with an Undo in the message (leads.restore).
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { errorText } from '../../components/errors';

export function useDeleteLeads() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return async (ids: string[], after: () => void) => {
    try {
      const { deleted } = await call('leads.delete', { ids });
      after();
      const key = `leads-deleted-${ids[0]}`;
      const undo = async () => {
        message.destroy(key);
        await call('leads.restore', { ids });
        after();
      };
      message.success({
        key,
        duration: 6,
        content: (
          <>
            {t('leads.deleted', { count: deleted })}{' '}
            <Button type="link" size="small" onClick={() => void undo()}>
              {t('leads.undo')}
            </Button>
          </>
        ),
      });
    } catch (e) {
      message.error(errorText(t, e));
    }
  };
}
