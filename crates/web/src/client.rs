//! Which network a request comes from, for the sign-in throttle and the box's guard only:
//! both hash it at once and keep it in memory; it is never logged or stored.

use std::net::SocketAddr;

use axum::extract::FromRequestParts;
use axum::extract::connect_info::ConnectInfo;
use axum::http::HeaderMap;
use axum::http::request::Parts;

use crate::AppState;

/// The client's network: an IPv4 address, or the /64 of an IPv6 address. Behind a reverse
/// proxy, the address the proxy saw.
pub struct ClientNetwork(pub String);

impl FromRequestParts<AppState> for ClientNetwork {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<ClientNetwork, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(address)| address.ip().to_string());
        let forwarded = state
            .config
            .behind_proxy
            .then(|| forwarded_for(&parts.headers))
            .flatten();
        Ok(ClientNetwork(network(&forwarded.or(peer).unwrap_or_default())))
    }
}

/// What a client is keyed by: an IPv4 address (a school behind one address is one client),
/// or the /64 network of an IPv6 address (one household or phone holds a whole /64, and would
/// otherwise pass for thousands of clients).
fn network(address: &str) -> String {
    match address.parse::<std::net::IpAddr>() {
        Ok(std::net::IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let segments = v6.segments();
                format!(
                    "{:x}:{:x}:{:x}:{:x}::/64",
                    segments[0], segments[1], segments[2], segments[3]
                )
            }
        },
        _ => address.to_owned(),
    }
}

/// The client's address as the reverse proxy in front of Senim saw it: the last entry of
/// `X-Forwarded-For`, the one the proxy itself added.
fn forwarded_for(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .rfind(|part| !part.is_empty())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ipv6_client_is_its_64_and_a_mapped_ipv4_its_address() {
        assert_eq!(network("2001:db8:1:2:3:4:5:6"), "2001:db8:1:2::/64");
        assert_eq!(network("2001:db8:1:2:ffff::1"), network("2001:db8:1:2::9"));
        assert_ne!(network("2001:db8:1:2::1"), network("2001:db8:1:3::1"));
        assert_eq!(network("::ffff:203.0.113.7"), "203.0.113.7");
        assert_eq!(network("203.0.113.7"), "203.0.113.7");
    }

    #[test]
    fn the_proxy_s_own_entry_is_the_last() {
        let mut headers = HeaderMap::new();
        headers.append("x-forwarded-for", "10.0.0.1, 198.51.100.4".parse().unwrap());
        assert_eq!(forwarded_for(&headers).as_deref(), Some("198.51.100.4"));
    }
}
