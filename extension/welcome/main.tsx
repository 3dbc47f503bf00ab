import { mountPage } from '../shared/ui/mount-page';
import { WelcomeApp } from './welcome-app';
import './welcome.css';

mountPage(WelcomeApp);
