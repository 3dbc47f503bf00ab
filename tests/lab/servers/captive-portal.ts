/**
 * `captive-portal`: a hotel or café network that answers every plain request with its own login
 * page (200, HTML), whatever was asked. Controls with an expected answer then get the wrong
 * content: the round cannot be judged, and nothing is called blocked.
 */
import type { HttpHandler } from './handler';
import { pagePlan, sendWhole } from './response-plan';

const LOGIN_PAGE = '<!doctype html><html><head><title>Welcome to Guest Wi-Fi</title></head><body><form action="/login"><input name="room"><button>Connect</button></form></body></html>\n';

export const captivePortal: HttpHandler = {
  level: 'http',
  onRequest(request, response) {
    sendWhole(response, pagePlan(request, 200, 'text/html; charset=utf-8', LOGIN_PAGE));
  },
};
