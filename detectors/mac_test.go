package detectors

import "testing"

func TestMACAddressTruePositives(t *testing.T) {
	runNetCases(t, []Detector{MACAddress}, []netCase{
		{"colon upper", "device ⟦00:1A:2B:3C:4D:5E⟧ joined", []string{"00:1a:2b:3c:4d:5e"}},
		{"dash", "⟦00-1a-2b-3c-4d-5e⟧", []string{"00:1a:2b:3c:4d:5e"}},
		{"cisco dots", "⟦001a.2b3c.4d5e⟧", []string{"00:1a:2b:3c:4d:5e"}},
		{"cisco upper", "⟦001A.2B3C.4D5E⟧.", []string{"00:1a:2b:3c:4d:5e"}},
		{"after label", "MAC:⟦00:1a:2b:3c:4d:5e⟧.", []string{"00:1a:2b:3c:4d:5e"}},
		{"parentheses", "(⟦aa:bb:cc:dd:ee:01⟧)", []string{"aa:bb:cc:dd:ee:01"}},
		{"all digits colon", "⟦00:11:22:33:44:55⟧", []string{"00:11:22:33:44:55"}},
		{"german", "Die MAC-Adresse lautet ⟦AC-DE-48-00-11-22⟧, danke.", []string{"ac:de:48:00:11:22"}},
		{"two", "⟦00:1a:2b:3c:4d:5e⟧,⟦00:1a:2b:3c:4d:5f⟧", []string{"00:1a:2b:3c:4d:5e", "00:1a:2b:3c:4d:5f"}},
	})
}

func TestMACAddressTrueNegatives(t *testing.T) {
	runNetCases(t, []Detector{MACAddress}, []netCase{
		{"english", "Meeting moved to 10:30 tomorrow, room 4.12; unfortunately.", nil},
		{"german", "Der Termin ist am 12.10.2024 um 14:45:30 Uhr.", nil},
		{"french", "Appelle-moi au 01-23-45-67-89, merci.", nil},
		{"chinese", "下午3:30见，订单号2024-0001-0002。", nil},
	})
}

func TestMACAddressNearMisses(t *testing.T) {
	runNetCases(t, []Detector{MACAddress}, []netCase{
		{"time", "10:30:45", nil},
		{"iso timestamp", "2024-01-02T10:30:45", nil},
		{"eui-64", "00:1A:2B:3C:4D:5E:6F:70", nil},
		{"ipv6", "fe80::1a:2b:3c:4d:5e:6f", nil},
		{"ipv6 groups", "2001:db8:0:0:1a:2b:3c:4d", nil},
		{"all-digit dashes", "12-34-56-78-90-12", nil},
		{"all-digit dots", "1234.5678.9012", nil},
		{"five groups", "00:1A:2B:3C:4D", nil},
		{"mixed separators", "00:1A-2B:3C:4D:5E", nil},
		{"glued to a word", "x00:1A:2B:3C:4D:5E", nil},
		{"chain before", "aa:00:1A:2B:3C:4D:5E", nil},
	})
}

func BenchmarkMACAddress_256(b *testing.B)     { benchNet(b, MACAddress, netChat(256)) }
func BenchmarkMACAddress_4K(b *testing.B)      { benchNet(b, MACAddress, netChat(4<<10)) }
func BenchmarkMACAddress_64K(b *testing.B)     { benchNet(b, MACAddress, netChat(64<<10)) }
func BenchmarkMACAddress_Hits_4K(b *testing.B) { benchNet(b, MACAddress, netChatWithHits(4<<10)) }
