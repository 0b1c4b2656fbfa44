/** The application shell: skip link, navigation, theme choice, workspace actions, the current screen. */
import {
  AppBar, Box, Button, CssBaseline, Drawer, FormControl, InputLabel, List, ListItem, ListItemButton, ListItemIcon, ListItemText,
  MenuItem, Select, Snackbar, ThemeProvider, Toolbar, Typography, useMediaQuery,
} from '@mui/material';
import AccountTreeIcon from '@mui/icons-material/AccountTree';
import CurrencyExchangeIcon from '@mui/icons-material/CurrencyExchange';
import InsightsIcon from '@mui/icons-material/Insights';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import PriceChangeIcon from '@mui/icons-material/PriceChange';
import SpeedIcon from '@mui/icons-material/Speed';
import TimelineIcon from '@mui/icons-material/Timeline';
import NotificationsIcon from '@mui/icons-material/NotificationsActive';
import SavingsIcon from '@mui/icons-material/Savings';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { AttributionScreen } from '../features/attribution/AttributionScreen.js';
import { CurrenciesScreen } from '../features/currencies/CurrenciesScreen.js';
import { ImportScreen } from '../features/import/ImportScreen.js';
import { OverviewScreen } from '../features/overview/OverviewScreen.js';
import { PriceBookScreen } from '../features/prices/PriceBookScreen.js';
import { UnitEconomicsScreen } from '../features/unit-economics/UnitEconomicsScreen.js';
import { ForecastScreen } from '../features/forecast/ForecastScreen.js';
import { AlertsScreen } from '../features/alerts/AlertsScreen.js';
import { AlertsNavText } from '../features/alerts/AlertsNavText.js';
import { useAlertNotifications } from '../features/alerts/use-alerts.js';
import { BudgetsScreen } from '../features/budgets/BudgetsScreen.js';
import { muiTheme, THEME_MODES, type ThemeMode } from '../theme/themes.js';
import { useEngine } from './engine-context.js';
import { openWorkspace, saveWorkspace } from './workspace-actions.js';

type Screen = 'overview' | 'attribution' | 'unit-economics' | 'forecast' | 'alerts' | 'budgets' | 'import' | 'currencies' | 'prices';

const SCREENS: ReadonlyArray<{ id: Screen; title: string; icon: ReactNode }> = [
  { id: 'overview', title: 'Overview', icon: <InsightsIcon /> },
  { id: 'import', title: 'Import', icon: <UploadFileIcon /> },
  { id: 'attribution', title: 'Attribution', icon: <AccountTreeIcon /> },
  { id: 'forecast', title: 'Forecast', icon: <TimelineIcon /> },
  { id: 'alerts', title: 'Alerts', icon: <NotificationsIcon /> },
  { id: 'budgets', title: 'Budgets', icon: <SavingsIcon /> },
  { id: 'unit-economics', title: 'Unit economics', icon: <SpeedIcon /> },
  { id: 'currencies', title: 'Currencies', icon: <CurrencyExchangeIcon /> },
  { id: 'prices', title: 'Price book', icon: <PriceChangeIcon /> },
];

const NAV_WIDTH = 220;

function screenFromHash(hash: string): Screen {
  const id = hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  return SCREENS.some((s) => s.id === id) ? (id as Screen) : 'overview';
}

function storedMode(): ThemeMode {
  const stored = localStorage.getItem('cost-council:theme');
  return THEME_MODES.some((m) => m.mode === stored) ? (stored as ThemeMode) : 'light';
}

export function App() {
  const engine = useEngine();
  const [mode, setMode] = useState<ThemeMode>(storedMode);
  const [screen, setScreen] = useState<Screen>(() => screenFromHash(location.hash));
  const [notice, setNotice] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  const theme = useMemo(() => muiTheme(mode, reducedMotion), [mode, reducedMotion]);
  const firstRender = useRef(true);
  useAlertNotifications(setNotice);

  useEffect(() => {
    const onHash = () => setScreen(screenFromHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    // Move focus to the new screen's heading, so keyboard and screen-reader users land on it.
    if (firstRender.current) firstRender.current = false;
    else heading.current?.focus();
    document.title = `${SCREENS.find((s) => s.id === screen)?.title} · Cost Council`;
  }, [screen]);

  const go = (next: Screen) => {
    location.hash = `#/${next}`;
    setScreen(next);
  };
  const chooseMode = (next: ThemeMode) => {
    localStorage.setItem('cost-council:theme', next);
    setMode(next);
  };
  const run = (action: () => Promise<string | null>, done: (name: string) => string) => {
    action().then((name) => name && setNotice(done(name)), (e: unknown) => setNotice(e instanceof Error ? e.message : String(e)));
  };

  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <Box component="a" href="#main" sx={{ position: 'absolute', left: 8, top: -48, zIndex: 2000, p: 1, bgcolor: 'background.paper', '&:focus': { top: 8 } }}>
        Skip to content
      </Box>
      <AppBar position="fixed" color="default" elevation={0} sx={{ zIndex: (t) => t.zIndex.drawer + 1, borderBottom: 1, borderColor: 'divider' }}>
        <Toolbar sx={{ gap: 2 }}>
          <Typography variant="h6" component="p" sx={{ fontWeight: 700, flexGrow: 1 }}>Cost Council</Typography>
          <Button onClick={() => run(() => openWorkspace(engine), (n) => `Opened ${n}.`)}>Open workspace…</Button>
          <Button onClick={() => run(() => saveWorkspace(engine), (n) => `Saved as ${n}.`)}>Save workspace…</Button>
          <FormControl size="small" sx={{ minWidth: 150 }}>
            <InputLabel id="theme-label">Theme</InputLabel>
            <Select labelId="theme-label" label="Theme" value={mode} onChange={(e) => chooseMode(e.target.value as ThemeMode)}>
              {THEME_MODES.map((m) => <MenuItem key={m.mode} value={m.mode}>{m.label}</MenuItem>)}
            </Select>
          </FormControl>
        </Toolbar>
      </AppBar>
      <Drawer variant="permanent" sx={{ width: NAV_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: NAV_WIDTH, boxSizing: 'border-box' } }}>
        <Toolbar />
        <nav aria-label="Main">
          <List>
            {SCREENS.map((s) => (
              <ListItem key={s.id} disablePadding>
                <ListItemButton disableRipple component="a" href={`#/${s.id}`} selected={screen === s.id} aria-current={screen === s.id ? 'page' : undefined} onClick={() => go(s.id)}>
                  <ListItemIcon aria-hidden>{s.icon}</ListItemIcon>
                  {s.id === 'alerts' ? <AlertsNavText /> : <ListItemText primary={s.title} />}
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        </nav>
      </Drawer>
      <Box component="main" id="main" tabIndex={-1} sx={{ ml: `${NAV_WIDTH}px`, p: 3, pt: 11, maxWidth: 1600, outline: 'none' }}>
        <Typography ref={heading} tabIndex={-1} variant="h4" component="h1" gutterBottom sx={{ outline: 'none' }}>
          {SCREENS.find((s) => s.id === screen)?.title}
        </Typography>
        {screen === 'overview' && <OverviewScreen mode={mode} onImport={() => go('import')} />}
        {screen === 'attribution' && <AttributionScreen mode={mode} />}
        {screen === 'import' && <ImportScreen onOverview={() => go('overview')} />}
        {screen === 'currencies' && <CurrenciesScreen />}
        {screen === 'prices' && <PriceBookScreen />}
        {screen === 'unit-economics' && <UnitEconomicsScreen mode={mode} />}
        {screen === 'forecast' && <ForecastScreen mode={mode} />}
        {screen === 'alerts' && <AlertsScreen mode={mode} />}
        {screen === 'budgets' && <BudgetsScreen />}
      </Box>
      <Snackbar open={notice !== null} autoHideDuration={5000} onClose={() => setNotice(null)} message={notice ?? ''} />
    </ThemeProvider>
  );
}
