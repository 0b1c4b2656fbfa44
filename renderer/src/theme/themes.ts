/**
 * One MUI theme per mode (light, dark, high contrast) and the matching nivo theme. Chart colours
 * are the Okabe–Ito palette, which stays distinguishable with the common colour-vision deficiencies.
 */
import { createTheme, type Theme } from '@mui/material/styles';

export type ThemeMode = 'light' | 'dark' | 'contrast';

export const THEME_MODES: ReadonlyArray<{ mode: ThemeMode; label: string }> = [
  { mode: 'light', label: 'Light' },
  { mode: 'dark', label: 'Dark' },
  { mode: 'contrast', label: 'High contrast' },
];

/** Okabe–Ito, reordered so that neighbours contrast; the yellow is left out on light backgrounds. */
export const CHART_COLOURS: Record<ThemeMode, string[]> = {
  light: ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#56B4E9', '#E69F00', '#000000', '#8C6D1F', '#6A3D9A', '#B15928', '#555555'],
  dark: ['#56B4E9', '#E69F00', '#009E73', '#CC79A7', '#F0E442', '#D55E00', '#FFFFFF', '#0072B2', '#B2DF8A', '#FB9A99', '#AAAAAA'],
  contrast: ['#FFFF00', '#00FFFF', '#FF80FF', '#FFFFFF', '#80FF80', '#FFB000', '#FF8080', '#80C0FF', '#FFFF00', '#00FFFF', '#FFFFFF'],
};

const FOCUS_RING: Record<ThemeMode, string> = { light: '#1A4DB3', dark: '#9CC3FF', contrast: '#FFFF00' };

/** `reducedMotion`: the user asked the OS for less motion; transitions are then switched off. */
export function muiTheme(mode: ThemeMode, reducedMotion = false): Theme {
  const contrast = mode === 'contrast';
  const theme = createTheme({
    ...(reducedMotion ? { transitions: { create: () => 'none' } } : {}),
    palette: contrast
      ? {
          mode: 'dark',
          background: { default: '#000000', paper: '#000000' },
          text: { primary: '#FFFFFF', secondary: '#FFFFFF' },
          primary: { main: '#FFFF00', contrastText: '#000000' },
          secondary: { main: '#00FFFF', contrastText: '#000000' },
          divider: '#FFFFFF',
          error: { main: '#FF8080' },
          warning: { main: '#FFB000' },
          success: { main: '#80FF80' },
        }
      : mode === 'dark'
        ? { mode: 'dark', primary: { main: '#9CC3FF' }, background: { default: '#121417', paper: '#1B1E23' } }
        : {
            mode: 'light',
            primary: { main: '#1A4DB3' },
            // MUI's default red (#d32f2f) is under 4.5:1 against white text on a contained button.
            error: { main: '#B3261E' },
            background: { default: '#F5F6F8', paper: '#FFFFFF' },
            text: { secondary: '#4A4F57' },
          },
    typography: { fontFamily: 'system-ui, "Segoe UI", Roboto, "DejaVu Sans", sans-serif' },
    shape: { borderRadius: 8 },
  });
  theme.components = {
    MuiCssBaseline: {
      styleOverrides: {
        // A focus ring that is always visible for keyboard users (WCAG 2.4.7 / 2.4.11).
        ':focus-visible': { outline: `3px solid ${FOCUS_RING[mode]}`, outlineOffset: '2px' },
        'a:not([class])': { color: FOCUS_RING[mode] },
      },
    },
    // MUI removes the outline of its buttons; put a visible focus ring back for keyboard focus.
    MuiButtonBase: {
      defaultProps: { disableRipple: contrast },
      styleOverrides: { root: { '&.Mui-focusVisible': { outline: `3px solid ${FOCUS_RING[mode]}`, outlineOffset: '2px' } } },
    },
    MuiPaper: contrast ? { styleOverrides: { root: { border: '1px solid #FFFFFF' } } } : {},
  };
  return theme;
}

/** The nivo theme matching a mode (text, axes and grid in the theme's colours). */
export function nivoTheme(theme: Theme) {
  const text = theme.palette.text.primary;
  return {
    text: { fill: text, fontSize: 13, fontFamily: theme.typography.fontFamily },
    axis: {
      domain: { line: { stroke: theme.palette.divider, strokeWidth: 1 } },
      ticks: { line: { stroke: theme.palette.divider, strokeWidth: 1 }, text: { fill: text, fontSize: 12 } },
      legend: { text: { fill: text, fontSize: 13 } },
    },
    grid: { line: { stroke: theme.palette.divider, strokeWidth: 1 } },
    tooltip: { container: { background: theme.palette.background.paper, color: text, fontSize: 13, border: `1px solid ${theme.palette.divider}` } },
    crosshair: { line: { stroke: text, strokeWidth: 1, strokeOpacity: 0.6 } },
  };
}
