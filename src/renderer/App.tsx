// The renderer's root: Ant Design in the chosen language; until someone is signed in the first-start
// or sign-in screen, then the layout and the current screen.
import { App as AntApp, ConfigProvider } from 'antd';
import { antdLocale } from './components/i18n';
import { AppLayout } from './components/AppLayout';
import { useRoute, type Route } from './components/router';
import { AuditPage } from './features/admin/AuditPage';
import { BackupsPage } from './features/admin/BackupsPage';
import { RolesPage } from './features/admin/RolesPage';
import { UsersPage } from './features/admin/UsersPage';
import { CompaniesPage } from './features/companies/CompaniesPage';
import { CompanyDetail } from './features/companies/CompanyDetail';
import { ContactDetail } from './features/contacts/ContactDetail';
import { ContactsPage } from './features/contacts/ContactsPage';
import { MergePage } from './features/customers/MergePage';
import { ImportPage } from './features/io/ImportPage';
import { FirstRunModal } from './features/app/FirstRunModal';
import { DealDetail } from './features/deals/DealDetail';
import { DealsPage } from './features/deals/DealsPage';
import { ForecastPage } from './features/forecast/ForecastPage';
import { LeadDetail } from './features/leads/LeadDetail';
import { LeadsPage } from './features/leads/LeadsPage';
import { OrderDetail } from './features/orders/OrderDetail';
import { OrdersPage } from './features/orders/OrdersPage';
import { ProductsPage } from './features/orders/ProductsPage';
import { QuoteDetail } from './features/orders/QuoteDetail';
import { CalendarPage } from './features/tasks/CalendarPage';
import { HomePage } from './features/tasks/HomePage';
import { ReminderCenter } from './features/tasks/ReminderCenter';
import { TasksPage } from './features/tasks/TasksPage';
import { useApp } from './features/app/store';
import { AuthGate } from './features/auth/AuthGate';
import { useAuth } from './features/auth/store';
import { useIdleLock } from './features/auth/useIdleLock';
import { SettingsPage } from './features/settings/SettingsPage';
import { SyncPage } from './features/sync/SyncPage';
import { TrashPage } from './features/trash/TrashPage';

function Screen({ route }: { route: Route }) {
  switch (route.page) {
    case 'home':
      return <HomePage />;
    case 'leads':
      return <LeadsPage />;
    case 'lead':
      return <LeadDetail id={route.id} />;
    case 'deals':
      return <DealsPage />;
    case 'deal':
      return <DealDetail id={route.id} />;
    case 'tasks':
      return <TasksPage />;
    case 'calendar':
      return <CalendarPage />;
    case 'products':
      return <ProductsPage />;
    case 'orders':
      return <OrdersPage />;
    case 'quote':
      return <QuoteDetail id={route.id} />;
    case 'order':
      return <OrderDetail id={route.id} />;
    case 'forecast':
      return <ForecastPage />;
    case 'companies':
      return <CompaniesPage />;
    case 'company':
      return <CompanyDetail id={route.id} />;
    case 'contacts':
      return <ContactsPage />;
    case 'contact':
      return <ContactDetail id={route.id} />;
    case 'merge':
      return <MergePage entity={route.entity} a={route.a} b={route.b} />;
    case 'trash':
      return <TrashPage />;
    case 'import':
      return <ImportPage entity={route.entity ?? 'contact'} />;
    case 'sync':
      return <SyncPage />;
    case 'settings':
      return <SettingsPage />;
    case 'users':
      return <UsersPage />;
    case 'roles':
      return <RolesPage />;
    case 'audit':
      return <AuditPage />;
    case 'backups':
      return <BackupsPage />;
  }
}

function SignedIn() {
  const route = useRoute();
  const info = useApp((s) => s.info);
  useIdleLock();
  return (
    <>
      <AppLayout route={route}>{info && !info.firstRun && <Screen key={JSON.stringify(route)} route={route} />}</AppLayout>
      <FirstRunModal />
      {info && !info.firstRun && <ReminderCenter />}
    </>
  );
}

export function App() {
  const locale = useApp((s) => s.locale);
  const signedIn = useAuth((s) => s.gate === 'app');
  return (
    <ConfigProvider locale={antdLocale(locale)} theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}>
      <AntApp>{signedIn ? <SignedIn /> : <AuthGate />}</AntApp>
    </ConfigProvider>
  );
}
