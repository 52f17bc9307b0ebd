// microsoft.graph.callRecords.session payloads, shaped like Graph's responses (GET
// /communications/callRecords/{id}/sessions?$expand=segments), valid and invalid, for the validator
// benchmark and the ajv agreement test. `differs` marks payloads where OData and JSON Schema
// (ajv-formats) deliberately disagree; they are left out of the agreement count.
"use strict";

const GUID = "e523d2ed-2966-4b6b-925b-754a88034cc5";

function stream(direction, id) {
  return {
    streamId: id,
    startDateTime: "2020-02-25T18:52:46.7640013Z",
    endDateTime: "2020-02-25T18:53:20.1140013Z",
    streamDirection: direction,
    averageAudioDegradation: null,
    averageJitter: "PT0.016S",
    maxJitter: "PT0.021S",
    averagePacketLossRate: 0,
    maxPacketLossRate: 0.0312,
    averageRatioOfConcealedSamples: null,
    maxRatioOfConcealedSamples: null,
    averageRoundTripTime: "PT0.061S",
    maxRoundTripTime: "PT0.079S",
    packetUtilization: 410,
    averageBandwidthEstimate: 9965083,
    wasMediaBypassed: false,
    postForwardErrorCorrectionPacketLossRate: null,
    averageVideoFrameLossPercentage: null,
    averageReceivedFrameRate: null,
    lowFrameRateRatio: null,
    averageVideoPacketLossRate: null,
    averageVideoFrameRate: null,
    lowVideoProcessingCapabilityRatio: null,
    averageAudioNetworkJitter: "PT0.013S",
    maxAudioNetworkJitter: "PT0.024S",
    audioCodec: "satin",
    videoCodec: null,
    isAudioForwardErrorCorrectionUsed: true,
    averageFreezeDuration: null,
    rmsFreezeDuration: null,
  };
}

function network(ip) {
  return {
    ipAddress: ip,
    subnet: "10.139.0.0",
    linkSpeed: 4294967295,
    connectionType: "wifi",
    port: 50011,
    reflexiveIPAddress: "127.0.0.2",
    relayIPAddress: "52.114.188.32",
    relayPort: 53889,
    macAddress: "00-00-00-00-00-00",
    wifiMicrosoftDriver: null,
    wifiMicrosoftDriverVersion: null,
    wifiVendorDriver: "Contoso Wireless",
    wifiVendorDriverVersion: "22.10.0.7",
    wifiChannel: 12,
    wifiBand: "frequency24GHz",
    basicServiceSetIdentifier: "00-00-00-00-00-00",
    wifiRadioType: "wifi80211n",
    wifiSignalStrength: 100,
    wifiBatteryCharge: 0,
    dnsSuffix: null,
    sentQualityEventRatio: 0,
    receivedQualityEventRatio: 0.27,
    delayEventRatio: 0,
    bandwidthLowEventRatio: 0,
    networkTransportProtocol: "udp",
    traceRouteHops: [
      { hopCount: 1, ipAddress: "10.139.0.1", roundTripTime: "PT0.0012S" },
      { hopCount: 2, ipAddress: "52.114.188.1", roundTripTime: "PT0.0213S" },
    ],
  };
}

function device() {
  return {
    captureDeviceName: "Microphone (Microsoft Virtual Audio Device (Simple) (WDM))",
    captureDeviceDriver: "Microsoft: 5.0.8638.1100",
    renderDeviceName: "Speakers (Microsoft Virtual Audio Device (Simple) (WDM))",
    renderDeviceDriver: "Microsoft: 5.0.8638.1100",
    receivedSignalLevel: -10,
    receivedNoiseLevel: -86,
    sentSignalLevel: null,
    sentNoiseLevel: -67,
    initialSignalLevelRootMeanSquare: 60.10,
    micGlitchRate: 23,
    speakerGlitchRate: 3005,
    lowSpeechToNoiseEventRatio: 0,
    lowSpeechLevelEventRatio: 0,
    deviceClippingEventRatio: 0,
    howlingEventCount: 0,
    renderZeroVolumeEventRatio: 0,
    renderMuteEventRatio: 0,
    captureNotFunctioningEventRatio: 0,
    renderNotFunctioningEventRatio: 0,
    cpuInsufficentEventRatio: 0.01,
    deviceGlitchEventRatio: 0.005,
  };
}

function participant(name) {
  return {
    "@odata.type": "#microsoft.graph.callRecords.participantEndpoint",
    name: null,
    cpuName: "Intel(R) Xeon(R) CPU E5-2673 v4 @ 2.30GHz",
    cpuCoresCount: 2,
    cpuProcessorSpeedInMhz: 2295,
    feedback: { rating: "good", text: null, tokens: { "@odata.type": "#microsoft.graph.callRecords.feedbackTokenSet", noSound: false } },
    identity: {
      "@odata.type": "#microsoft.graph.identitySet",
      user: { "@odata.type": "#microsoft.graph.identity", id: GUID, displayName: name, tenantId: "dc368399-474c-4d40-900c-6265431fd81f" },
      application: null,
      device: null,
    },
    userAgent: {
      "@odata.type": "#microsoft.graph.callRecords.clientUserAgent",
      headerValue: "RTCC/7.0.0.0 UCWA/7.0.0.0 AndroidLync/6.25.0.27 (SM-G930U Android 8.0.0)",
      applicationVersion: null,
      platform: "android",
      productFamily: "skypeForBusiness",
      communicationServiceId: null,
      azureADAppId: null,
    },
  };
}

function service() {
  return {
    "@odata.type": "#microsoft.graph.callRecords.serviceEndpoint",
    userAgent: { "@odata.type": "#microsoft.graph.callRecords.serviceUserAgent", headerValue: "UCCAPI/16.0.12527.20122 OC/16.0.12527.20194", applicationVersion: "16.0.12527.20194", role: "skypeForBusinessMicrosoftTeamsGateway" },
  };
}

function segment(id) {
  return {
    id,
    startDateTime: "2020-02-25T18:52:21.2169889Z",
    endDateTime: "2020-02-25T18:53:47.8349994Z",
    caller: participant("Abbie Wilkins"),
    callee: participant("Owen Franklin"),
    failureInfo: null,
    media: [
      {
        label: "main-audio",
        callerNetwork: network("10.139.0.12"),
        calleeNetwork: network("10.139.0.13"),
        callerDevice: device(),
        calleeDevice: device(),
        streams: [stream("callerToCallee", "1504545584"), stream("calleeToCaller", "1785122252")],
      },
    ],
  };
}

function session() {
  return {
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#communications/callRecords('e523d2ed-2966-4b6b-925b-754a88034cc5')/sessions/$entity",
    "@odata.etag": 'W/"1"',
    modalities: ["audio"],
    startDateTime: "2020-02-25T18:52:21.2169889Z",
    endDateTime: "2020-02-25T18:53:47.8349994Z",
    id: GUID,
    isTest: false,
    failureInfo: null,
    caller: participant("Abbie Wilkins"),
    callee: participant("Owen Franklin"),
    "segments@odata.context": "https://graph.microsoft.com/v1.0/$metadata#communications/callRecords('e523d2ed-2966-4b6b-925b-754a88034cc5')/sessions('e523d2ed-2966-4b6b-925b-754a88034cc5')/segments",
    segments: [segment(GUID), segment("e523d2ed-2966-4b6b-925b-754a88034cc6")],
  };
}

function variant(fn) {
  const s = session();
  fn(s);
  return s;
}

const valid = [
  ["full session, two segments", session()],
  ["minimal session", { id: "1", modalities: [], startDateTime: "2020-02-25T18:52:21Z", endDateTime: "2020-02-25T18:53:47+01:00" }],
  ["service endpoints, failure info, -00:00 offset", variant((s) => {
    s.caller = service();
    s.callee = { userAgent: null };
    s.failureInfo = { reason: "Timeout", stage: "callSetup" };
    s.endDateTime = "2020-02-29T18:53:47-00:00";
  })],
  ["types by alias, no # prefix; modalities", variant((s) => {
    s.caller.identity["@odata.type"] = "#graph.identitySet";
    s.callee.userAgent["@odata.type"] = "microsoft.graph.callRecords.clientUserAgent";
    s.modalities = ["audio", "video", "screenSharing"];
  })],
];

const invalid = [
  ["required startDateTime missing", variant((s) => delete s.startDateTime)],
  ["endDateTime on Feb 30", variant((s) => (s.endDateTime = "2020-02-30T18:53:47Z"))],
  ["Feb 29 in a non-leap year", variant((s) => (s.segments[1].startDateTime = "2021-02-29T18:53:47Z"))],
  ["unknown modality", variant((s) => s.modalities.push("hologram"))],
  ["unknown property", variant((s) => (s.foo = 1))],
  ["unknown property deep in a stream", variant((s) => (s.segments[1].media[0].streams[1].bitrate = 1))],
  ["bad duration", variant((s) => (s.segments[0].media[0].streams[0].averageJitter = "16 ms"))],
  ["abstract userAgent without @odata.type", variant((s) => delete s.caller.userAgent["@odata.type"])],
  ["unknown userAgent subtype", variant((s) => (s.callee.userAgent["@odata.type"] = "#microsoft.graph.callRecords.robotAgent"))],
  ["required streamDirection missing", variant((s) => delete s.segments[1].media[0].streams[1].streamDirection)],
  ["non-integer port", variant((s) => (s.segments[0].media[0].callerNetwork.port = 1.5))],
  ["Int32 hopCount 2^31", variant((s) => (s.segments[0].media[0].calleeNetwork.traceRouteHops[1].hopCount = 2147483648))],
  ["isTest as a string", variant((s) => (s.isTest = "yes"))],
  ["modalities null", variant((s) => (s.modalities = null))],
  ["id as a number", variant((s) => (s.id = 42))],
  ["segment caller a string", variant((s) => (s.segments[0].caller = "x"))],
  ["Single beyond float32", variant((s) => (s.segments[1].media[0].callerDevice.micGlitchRate = 1e39))],
  ["wrong enum in a nested complex", variant((s) => (s.segments[1].media[0].calleeNetwork.wifiBand = "6GHz"))],
  ["session is an array", [session()]],
  ["many errors at once", variant((s) => {
    s.id = 1;
    s.isTest = 2;
    s.modalities = [1, 2, 3];
    for (const seg of s.segments) for (const st of seg.media[0].streams) st.averageJitter = 5;
  })],
];

// Payloads where OData's rules and JSON Schema's (ajv-formats) deliberately differ.
const differs = [
  ["DateTimeOffset without seconds (OData: valid, date-time: invalid)", variant((s) => (s.startDateTime = "2020-02-25T18:52Z")), true],
  ["space instead of T (OData: invalid, date-time: valid)", variant((s) => (s.startDateTime = "2020-02-25 18:52:21Z")), false],
  ["Int64 string beyond 2^63 (OData: invalid, pattern: valid)", variant((s) => (s.segments[0].media[0].streams[0].packetUtilization = "9223372036854775808")), false],
];

const payloads = [
  ...valid.map(([name, value]) => ({ name, value, valid: true })),
  ...invalid.map(([name, value]) => ({ name, value, valid: false })),
  ...differs.map(([name, value, validOData]) => ({ name, value, valid: validOData, differs: true })),
];

module.exports = { payloads, session };
