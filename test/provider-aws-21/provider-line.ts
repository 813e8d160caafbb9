// Tells the test helpers which @cdktf/provider-aws line this run maps in (see jest.config.js).
process.env.NIC_PROVIDER_AWS_LINE = '21';
