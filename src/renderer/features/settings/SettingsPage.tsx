// 设置: what an admin configures today, tags and custom fields.
import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CustomFieldSettings } from '../custom-fields/CustomFieldSettings';
import { TagSettings } from '../tags/TagSettings';

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <div className="detail-page">
      <Typography.Title level={3}>{t('nav.settings')}</Typography.Title>
      <Tabs
        items={[
          { key: 'tags', label: t('settings.tags'), children: <TagSettings /> },
          { key: 'fields', label: t('settings.customFields'), children: <CustomFieldSettings /> },
        ]}
      />
    </div>
  );
}
