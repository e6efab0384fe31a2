// The frame of every screen: sidebar navigation (only what works), header with the global search
// (Ctrl+K) and the language switch.
import type { ReactNode } from 'react';
import { Button, Layout, Menu, Tooltip, Typography } from 'antd';
import {
  BankOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  DeleteOutlined,
  FileTextOutlined,
  FundOutlined,
  HomeOutlined,
  ImportOutlined,
  LineChartOutlined,
  SearchOutlined,
  SettingOutlined,
  ShoppingOutlined,
  SyncOutlined,
  TeamOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../features/app/LanguageSwitch';
import { useApp } from '../features/app/store';
import { GlobalSearch } from '../features/search/GlobalSearch';
import { useSearchUi } from '../features/search/store';
import type { Permission } from '../../shared/permissions';
import { navigate, type Route } from './router';
import { useHotkeys } from './useHotkeys';

const SECTIONS = [
  'home',
  'leads',
  'deals',
  'companies',
  'contacts',
  'tasks',
  'calendar',
  'products',
  'orders',
  'forecast',
  'import',
  'trash',
  'sync',
  'settings',
] as const;
type Section = (typeof SECTIONS)[number];
const ICONS: Record<Section, ReactNode> = {
  home: <HomeOutlined />,
  leads: <UserAddOutlined />,
  deals: <FundOutlined />,
  tasks: <CheckSquareOutlined />,
  calendar: <CalendarOutlined />,
  products: <ShoppingOutlined />,
  orders: <FileTextOutlined />,
  forecast: <LineChartOutlined />,
  companies: <BankOutlined />,
  contacts: <TeamOutlined />,
  import: <ImportOutlined />,
  trash: <DeleteOutlined />,
  sync: <SyncOutlined />,
  settings: <SettingOutlined />,
};

/** What a role must hold to see a section (the main process refuses the channels anyway). */
const NEEDS: Partial<Record<Section, Permission>> = {
  leads: 'leads.read',
  deals: 'deals.read',
  tasks: 'tasks.read',
  calendar: 'tasks.read',
  products: 'products.read',
  orders: 'orders.read',
  forecast: 'reports.read',
  import: 'data.import',
  sync: 'sync.run',
};

function sectionOf(route: Route): Section {
  if (route.page === 'company' || route.page === 'merge' && route.entity === 'company') return 'companies';
  if (route.page === 'contact' || route.page === 'merge') return 'contacts';
  if (route.page === 'lead') return 'leads';
  if (route.page === 'deal') return 'deals';
  if (route.page === 'quote' || route.page === 'order') return 'orders';
  return route.page;
}

export function AppLayout({ route, children }: { route: Route; children: ReactNode }) {
  const { t } = useTranslation();
  const showSearch = useSearchUi((s) => s.show);
  const user = useApp((s) => s.info?.session.userName);
  const permissions = useApp((s) => s.info?.session.permissions);
  const sections = SECTIONS.filter((s) => !NEEDS[s] || permissions?.includes(NEEDS[s]));
  useHotkeys({ 'mod+k': showSearch });
  return (
    <Layout className="app-layout">
      <Layout.Sider width={200} theme="light" className="app-sider">
        <div className="app-brand">
          <span className="brand-mark">客</span>
          <span>{t('app.name')}</span>
        </div>
        <Menu
          mode="inline"
          selectedKeys={[sectionOf(route)]}
          onClick={({ key }) => navigate({ page: key as Section })}
          items={sections.map((s) => ({ key: s, icon: ICONS[s], label: t(`nav.${s}`) }))}
          aria-label={t('nav.label')}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Tooltip title="Ctrl+K">
            <Button className="search-trigger" icon={<SearchOutlined />} onClick={showSearch} data-testid="search-button">
              {t('search.button')}
              <kbd>Ctrl K</kbd>
            </Button>
          </Tooltip>
          <div className="header-right">
            {user && <Typography.Text type="secondary">{user}</Typography.Text>}
            <LanguageSwitch />
          </div>
        </Layout.Header>
        <Layout.Content className="app-content">{children}</Layout.Content>
      </Layout>
      <GlobalSearch />
    </Layout>
  );
}
