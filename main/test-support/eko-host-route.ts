import { EKO_BASE_URLS } from "../../app/settings";

/** Eko's UAT base URL, which the clock trusts; `fetchAsUat` sends its requests to a simulator. */
export const UAT_BASE_URL = EKO_BASE_URLS.uat;

/**
 * A fetch that answers requests to Eko's UAT host from `simulatorBaseUrl` (a simulator on
 * loopback) and any other URL as it is: the client and the clock see Eko's own host, so the
 * host rule is the one production runs.
 */
export function fetchAsUat(simulatorBaseUrl: string): typeof fetch {
  return (input, init) => {
    const url = input instanceof Request ? input.url : input.toString();
    return fetch(url.startsWith(UAT_BASE_URL) ? simulatorBaseUrl + url.slice(UAT_BASE_URL.length) : url, init);
  };
}
