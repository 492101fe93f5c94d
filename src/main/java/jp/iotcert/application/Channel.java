package jp.iotcert.application;

/** 第4条2: electronic application through the API, or by post entered by staff. */
public enum Channel { ONLINE, POST }
