/** The popup's entry: paint the shell, then load the app (shell.ts says why). */
import '../shared/ui/styles.css';
import './popup.css';
import { afterFirstPaint, fillShell } from './shell';

fillShell(document);
afterFirstPaint(document, () => import('./start-app'));
