// 设置: what an admin configures: tags, custom fields, pipelines and stages, lead sources and reasons.
import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CustomFieldSettings } from '../custom-fields/CustomFieldSettings';
import { PipelineSettings } from '../deals/PipelineSettings';
import { LeadSettings } from '../leads/LeadSettings';
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
          { key: 'pipelines', label: t('deals.settings.tab'), children: <PipelineSettings /> },
          { key: 'leads', label: t('leads.settings.tab'), children: <LeadSettings /> },
        ]}
      />
    </div>
  );
}
