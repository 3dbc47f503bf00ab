/** The popup's app, loaded after its shell painted (main.tsx). */
import { mountPage } from '../shared/ui/mount-page';
import { PopupApp } from './popup-app';

mountPage(PopupApp);
