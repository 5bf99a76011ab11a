package detectors

import "testing"

func TestIPAddressTruePositives(t *testing.T) {
	runNetCases(t, []Detector{IPAddress}, []netCase{
		{"ipv4", "server ⟦192.0.2.10⟧ is down", []string{"192.0.2.10"}},
		{"ipv4 with port", "connect to ⟦198.51.100.7:8080⟧.", []string{"198.51.100.7"}},
		{"ipv4 cidr", "allow ⟦198.51.100.0/24⟧ only", []string{"198.51.100.0/24"}},
		{"zone", "⟦2001:db8::1%eth0⟧", []string{"2001:db8::1%eth0"}},
		{"compressed", "⟦2001:db8::8a2e:370:7334⟧", []string{"2001:db8::8a2e:370:7334"}},
		{"canonicalized", "⟦2001:DB8:0:0:0:0:0:1⟧", []string{"2001:db8::1"}},
		{"ipv4-mapped", "⟦::ffff:192.0.2.1⟧", []string{"::ffff:192.0.2.1"}},
		{"bracketed with port", "⟦[2001:db8::1]:443⟧", []string{"2001:db8::1"}},
		{"inside a url", "http://⟦[2001:db8::1]⟧/", []string{"2001:db8::1"}},
		{"v6 prefix", "route ⟦2001:db8::/32⟧", []string{"2001:db8::/32"}},
		{"after label colon", "ip:⟦203.0.113.7⟧,", []string{"203.0.113.7"}},
		{"parentheses", "(⟦203.0.113.7⟧)", []string{"203.0.113.7"}},
		{"german", "Meine IP-Adresse ist ⟦203.0.113.178⟧.", []string{"203.0.113.178"}},
		{"range", "⟦192.0.2.1⟧-⟦192.0.2.99⟧", []string{"192.0.2.1", "192.0.2.99"}},
		{"glued to chinese", "地址⟦198.51.100.10⟧。", []string{"198.51.100.10"}},
		{"full v6", "⟦2001:0db8:85a3:0000:0000:8a2e:0370:7334⟧", []string{"2001:db8:85a3::8a2e:370:7334"}},
	})
}

func TestIPAddressTrueNegatives(t *testing.T) {
	runNetCases(t, []Detector{IPAddress}, []netCase{
		{"english", "Meeting moved to 10:30 tomorrow, room 4.12.", nil},
		{"german", "Treffen um 10:30, kostet 4,99 € oder 12.50 $.", nil},
		{"loopback", "it listens on 127.0.0.1:8080 and ::1", nil},
		{"private ranges", "router at 192.168.0.1, db on 10.20.30.40, vpn 172.16.5.9, nas fd12:3456:789a::1", nil},
		{"link-local", "fe80::1%eth0 and 169.254.10.20 mean no dhcp lease", nil},
		{"carrier nat", "the modem shows 100.72.14.3 as wan address", nil},
		{"netmask and broadcast", "mask 255.255.255.0, broadcast 255.255.255.255, bind 0.0.0.0", nil},
		{"multicast", "mdns uses 224.0.0.251 and ff02::fb", nil},
		{"spanish", "Son las 12:45 y el partido quedó 3:1.", nil},
		{"chinese", "价格是12.50元，下午3:30见。", nil},
		{"russian", "Встреча в 19:00, версия 2.3.1 уже вышла.", nil},
	})
}

func TestIPAddressNearMisses(t *testing.T) {
	runNetCases(t, []Detector{IPAddress}, []netCase{
		{"five parts", "1.2.3.4.5", nil},
		{"v prefix", "v10.0.0.1", nil},
		{"version word", "version 10.2.30.4", nil},
		{"version colon", "Version: 10.2.30.4", nil},
		{"build", "Build 10.0.190.41", nil},
		{"firmware", "Firmware 10.20.30.40", nil},
		{"leading zeros", "01.02.03.04", nil},
		{"oid", "OID 1.3.6.1.4.1.311", nil},
		{"oid four parts", "oid 2.5.40.3", nil},
		{"date", "12.10.2024", nil},
		{"time", "10:30:00", nil},
		{"time with ms", "10:30:00.123", nil},
		{"section", "section 3.12.4.1", nil},
		{"one-digit parts", "1.2.3.4", nil},
		{"mac", "00:1A:2B:3C:4D:5E", nil},
		{"cpp scope", "std::vector and a::b", nil},
		{"decimal double colon", "10::30", nil},
		{"octet too big", "999.1.1.10", nil},
		{"three parts", "192.168.10", nil},
		{"glued letters", "abc10.0.0.1x", nil},
		{"phone with dots", "555.123.4567", nil},
		{"bad port", "192.0.2.1:99999", nil},
		{"spanish version", "versión 10.2.30.4", nil},
	})
}

func BenchmarkIPAddress_256(b *testing.B)     { benchNet(b, IPAddress, netChat(256)) }
func BenchmarkIPAddress_4K(b *testing.B)      { benchNet(b, IPAddress, netChat(4<<10)) }
func BenchmarkIPAddress_64K(b *testing.B)     { benchNet(b, IPAddress, netChat(64<<10)) }
func BenchmarkIPAddress_Hits_4K(b *testing.B) { benchNet(b, IPAddress, netChatWithHits(4<<10)) }

func TestIPAddressOneDigitQuads(t *testing.T) {
	runNetCases(t, []Detector{IPAddress}, []netCase{
		{"after ip cue", "my ip is ⟦5.6.7.8⟧ today", []string{"5.6.7.8"}},
		{"after host label", "host: ⟦4.3.2.1⟧", []string{"4.3.2.1"}},
		{"german cue", "IP-Adresse lautet ⟦9.8.7.6⟧", []string{"9.8.7.6"}},
		{"no cue", "bump it to 1.2.3.4 please", nil},
		{"version cue", "upgrade to version 2.4.6.8", nil},
		{"copula without cue", "the answer is 3.1.4.1", nil},
	})
}
