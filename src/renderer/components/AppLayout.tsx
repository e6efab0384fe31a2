// The frame of every screen: sidebar navigation (only what works), header with the global search
// (Ctrl+K), the account menu and the language switch.
import type { ReactNode } from 'react';
import { Button, Layout, Menu, Tooltip } from 'antd';
import {
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  CloudServerOutlined,
  DeleteOutlined,
  FileTextOutlined,
  FundOutlined,
  HomeOutlined,
  ImportOutlined,
  LineChartOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
  SettingOutlined,
  ShoppingOutlined,
  SyncOutlined,
  TeamOutlined,
  UserAddOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../features/app/LanguageSwitch';
import { AccountMenu } from '../features/auth/AccountMenu';
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
/** The administrator's screens, in their own group under the others. */
const ADMIN_SECTIONS = ['users', 'roles', 'audit', 'backups'] as const;
type Section = (typeof SECTIONS)[number] | (typeof ADMIN_SECTIONS)[number];
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
  users: <UserOutlined />,
  roles: <SafetyCertificateOutlined />,
  audit: <AuditOutlined />,
  backups: <CloudServerOutlined />,
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
  users: 'users.admin',
  roles: 'users.admin',
  audit: 'audit.read',
  backups: 'backup.run',
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
  const permissions = useApp((s) => s.info?.session.permissions);
  const allowed = (s: Section) => !NEEDS[s] || permissions?.includes(NEEDS[s]);
  const item = (s: Section, label: string) => ({ key: s, icon: ICONS[s], label });
  const admin = ADMIN_SECTIONS.filter(allowed).map((s) => item(s, t(`admin.nav.${s}`)));
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
          items={[
            ...SECTIONS.filter(allowed).map((s) => item(s, t(`nav.${s}`))),
            ...(admin.length ? [{ type: 'group' as const, key: 'admin', label: t('admin.nav.group'), children: admin }] : []),
          ]}
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
            <AccountMenu />
            <LanguageSwitch />
          </div>
        </Layout.Header>
        <Layout.Content className="app-content">{children}</Layout.Content>
      </Layout>
      <GlobalSearch />
    </Layout>
  );
}
