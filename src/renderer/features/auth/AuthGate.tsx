// What shows instead of the app until someone is signed in.
import { SetupScreen } from './SetupScreen';
import { SignInScreen } from './SignInScreen';
import { useAuth } from './store';

export function AuthGate() {
  const gate = useAuth((s) => s.gate);
  return gate === 'setup' ? <SetupScreen /> : <SignInScreen />;
}
