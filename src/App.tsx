import { AppShell } from './ui/app/AppShell';
import './ui/styles/app.css';

export function App() {
  return <AppShell />;
}
