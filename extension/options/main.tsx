import { mountPage } from '../shared/ui/mount-page';
import { OptionsApp } from './options-app';
import './options.css';

mountPage(OptionsApp);
