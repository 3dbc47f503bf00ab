import { mountPage } from '../shared/ui/mount-page';
import { PopupApp } from './popup-app';
import './popup.css';

mountPage(PopupApp);
