import { mountPage } from '../shared/ui/mount-page';
import { HistoryApp } from './history-app';
import './history.css';

mountPage(() => <HistoryApp hash={location.hash} />);
